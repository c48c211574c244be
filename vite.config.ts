import { defineConfig } from 'vite';

// The web app lives in web/ and is built to dist/web, which the Fastify server serves.
export default defineConfig({
  root: 'web',
  publicDir: 'public',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // No inline scripts or data: URLs in the output: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    // scripts/web-size.ts reads it to total what the home page loads.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.KOTSU_PORT ?? 3000}`, changeOrigin: false } },
  },
});
