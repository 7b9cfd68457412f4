import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // The console acts as HR without a chat identity (src/chat/actor.ts `ConsoleOperator`): only the
    // command line may say so, or an HR-only use case could be reached from chat without `requireHr`.
    files: ['src/**', 'adapters/**', 'db/**'],
    ignores: ['adapters/cli/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Property[key.name='console'][value.value=true]", message: 'Only adapters/cli/ acts as the console (an HR operator).' },
      ],
    },
  },
  {
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['adapters/cli/**', 'bench/**', 'bin/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
