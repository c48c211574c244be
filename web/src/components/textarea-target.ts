/**
 * The textarea an editor helper (`for="id"`) works on, found in the helper's own document or
 * shadow root, with listeners moved when it changes. Shared by kotsu-image-tools and
 * kotsu-md-toolbar, which both attach to the editor's body field.
 */
export class TextareaTarget {
  current: HTMLTextAreaElement | null = null;

  constructor(private readonly listeners: Record<string, EventListener>) {}

  /** Looks `id` up next to `host` and attaches to it (null detaches). */
  follow(host: HTMLElement, id: string | null): void {
    const root = host.getRootNode() as Document | ShadowRoot;
    const found = id ? root.getElementById?.(id) : null;
    const target = found instanceof HTMLTextAreaElement ? found : null;
    if (target === this.current) return;
    for (const [type, fn] of Object.entries(this.listeners)) this.current?.removeEventListener(type, fn);
    this.current = target;
    for (const [type, fn] of Object.entries(this.listeners)) target?.addEventListener(type, fn);
  }
}
