import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

/** Characters that take no visible room: format, zero-width, separators, variation selectors. */
const INVISIBLE =
  '[\\u00A0\\u00AD\\u061C\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u206F\\uFE00-\\uFE0F\\uFEFF]'

export default defineConfig(
  {
    ignores: ['dist/', 'coverage/', 'node_modules/', 'bench/baseline/dist/']
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    // A character that cannot be seen (a zero-width space, a variation selector, a line separator,
    // a non-breaking space) is written as its \u escape in src/, so that a reader sees what the
    // code compares or prints, and no editor drops or changes it unnoticed.
    files: ['src/**/*.ts'],
    rules: {
      // A file of src/ is read in one sitting: past this, split it by concern.
      'max-lines': ['error', { max: 300 }],
      'no-restricted-syntax': [
        'error',
        ...['Literal[raw', 'TemplateElement[value.raw'].map((node) => ({
          selector: `${node}=/${INVISIBLE}/]`,
          message: 'Write an invisible character as its \\u escape.'
        }))
      ]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' }
    }
  },
  prettier
)
