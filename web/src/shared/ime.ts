/**
 * Whether a key belongs to an IME conversion in progress: Enter confirms the かな→漢字 conversion
 * and the arrows choose among its candidates, so a field's own Enter or arrow action must wait
 * (keyCode 229 is what some browsers send for keys the IME takes).
 */
export function imeComposing(e: KeyboardEvent): boolean {
  return e.isComposing || e.keyCode === 229;
}
