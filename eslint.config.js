// Type-aware lint for the whole project; `npm run lint` fails on any warning.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'demo-output/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The core never touches a CI toolkit or the process: adapters pass config, context and ports in.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/main.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@actions/*', '!@actions/http-client'], message: 'The core must not import a CI toolkit; take a port instead (@actions/http-client, a plain HTTP client, is allowed).' },
        { group: ['**/actions/*', '**/gitlab-templates/*', '**/bitbucket-pipes/*'], message: 'The core sits below the packagings: move what both need into shared/.' },
      ] }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'The core reads no process.env; take an env object.' },
        { selector: "MemberExpression[object.name='process'][property.name='exit']", message: 'Return an exit code; the entry sets process.exitCode.' },
      ],
    },
  },
  {
    // The platform client sits below the core: it takes ports from shared/ports.ts, never anything from the core.
    files: ['shared/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@actions/*', '!@actions/http-client'], message: 'The core must not import a CI toolkit; take a port instead (@actions/http-client, a plain HTTP client, is allowed).' },
        { group: ['../core/*', '**/shared/core/*'], message: 'shared/api sits below shared/core: move what both need below both (shared/ports.ts, shared/errors.ts).' },
        { group: ['**/actions/*', '**/gitlab-templates/*', '**/bitbucket-pipes/*'], message: 'The core sits below the packagings: move what both need into shared/.' },
      ] }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
