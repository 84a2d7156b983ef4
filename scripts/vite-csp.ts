/**
 * The Content Security Policy of the built app, as a <meta> tag added to index.html at build time
 * (the dev server keeps none: Vite's hot reload injects inline script).
 *
 * - script-src 'self': no inline script and no eval on the page. The Code playground compiles
 *   programs with `new Function` inside the simulation worker (worker/programs/sandbox.ts); a
 *   dedicated worker loaded by URL takes its policy from its own response, not from the page's
 *   meta tag (HTML "initialize the worker's policy container"), so the page stays strict while the
 *   worker may compile. e2e/csp.spec.ts checks both halves in Chromium.
 * - worker-src 'self': both workers are same-origin module scripts.
 * - style-src 'self' 'unsafe-inline': React and React Flow position every node, edge label and
 *   panel through style attributes, and CodeMirror adds <style> elements at run time; hashes cannot
 *   cover values computed per frame. Styles cannot run script, so this keeps the script policy whole.
 * - img-src adds data: and blob: for the PNG/SVG export (an SVG drawn through an <img>).
 * - object-src 'none' and base-uri 'self': no plugins, and no <base> that re-points relative URLs.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'warren-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}
