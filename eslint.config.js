import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import engineBoundary from './eslint-rules/engine-boundary.js';

/** The engine is pure: nothing from outside src/engine, no clocks, no randomness, no DOM. */
const enginePurity = {
  files: ['src/engine/**/*.ts'],
  ignores: ['src/engine/**/*.test.ts'],
  plugins: { warren: { rules: { 'engine-boundary': engineBoundary } } },
  rules: {
    'warren/engine-boundary': 'error',
    'no-restricted-globals': [
      'error',
      { name: 'window', message: 'No DOM in the engine.' },
      { name: 'document', message: 'No DOM in the engine.' },
      { name: 'self', message: 'No worker globals in the engine.' },
      { name: 'setTimeout', message: 'Use virtual time (the event queue), not timers.' },
      { name: 'setInterval', message: 'Use virtual time (the event queue), not timers.' },
      { name: 'performance', message: 'Virtual time only.' },
      { name: 'process', message: 'The engine runs in the browser too.' },
      { name: 'Buffer', message: 'Bodies are Uint8Array; Buffer is Node-only.' },
      { name: 'crypto', message: 'Use the seeded PRNG.' },
      { name: 'fetch', message: 'No I/O in the engine.' },
      { name: 'localStorage', message: 'No I/O in the engine.' },
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'Use the seeded PRNG (src/engine/kernel/prng.ts).' },
      { object: 'Date', property: 'now', message: 'Use virtual time (broker.now()).' },
    ],
    'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'Use virtual time.' }],
  },
};

export default tseslint.config(
  // Generated client programs (golden files of src/scenario/codegen): output, checked by their own languages.
  { ignores: ['dist', 'node_modules', 'conformance', 'test-results', 'playwright-report', 'coverage', 'src/**/__golden__'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/app/**/*.tsx', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  enginePurity,
  // Engine files stay small (issue 17): at most 400 lines, counted as `wc -l` does.
  { files: ['src/engine/**/*.ts'], rules: { 'max-lines': ['error', { max: 400 }] } },
);
