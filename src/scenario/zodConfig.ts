/**
 * On the page, zod parses without compiling: the page's Content Security Policy has no
 * 'unsafe-eval' (scripts/vite-csp.ts), and zod's compiled object parsers use `new Function` (even
 * probing whether it may is a reported violation). Imported first by every module that uses zod,
 * so it runs before any parse. The simulation worker (its own policy) and Node keep the fast path.
 */
import { config } from 'zod';

if (typeof document !== 'undefined') config({ jitless: true });
