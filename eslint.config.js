// ESLint: JavaScript's and typescript-eslint's recommended rules, eslint-plugin-astro's for .astro files.
// Types are checked by `astro check` (npm run check); these rules catch what a type checker does not.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '**/.dist-*/', '.astro/', 'node_modules/', 'tests/.output/', 'tests/fixtures/', 'content/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // TypeScript (astro check) already reports undefined names, with types.
      'no-undef': 'off',
      // Control characters in patterns are the point where text is cleaned for XML, HTML and the terminal.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
