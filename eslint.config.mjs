// ESLint flat config: typescript-eslint's recommended rules, plus a fence that keeps src/domain pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const googleGlobals = [
  'SpreadsheetApp',
  'DriveApp',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'Utilities',
  'Session',
  'HtmlService',
  'CalendarApp',
  'DocumentApp',
  'Logger',
];

export default tseslint.config(
  { ignores: ['build/', 'out/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        URL: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...googleGlobals.map((name) => ({ name, message: 'src/domain is pure: pass data in from src/gas.' })),
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/workspace/**', '**/test/**', 'node:*'],
              message: 'src/ is what clasp pushes: it never imports the workspace, tests or node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
