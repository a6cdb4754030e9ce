import { describe, expect, it } from 'vitest';
import { isPlaceholder } from './placeholder.ts';

describe('isPlaceholder', () => {
  it.each([
    '',
    '   ',
    'changeme',
    'CHANGE_ME',
    'changeit',
    'replace-me',
    '<your-password>',
    '<token>',
    '[API_KEY]',
    '${DB_PASSWORD}',
    '$(DB_PASSWORD)',
    '$DB_PASSWORD',
    '"$DB_PASSWORD"',
    '%PASSWORD%',
    '{{ .Values.password }}',
    '{{password}}',
    '<%= ENV["TOKEN"] %>',
    'xxx',
    'xxxxxxxxxxxxxxxx',
    '********',
    '...',
    'example',
    'examplepass',
    'my-example-token',
    'sample-secret',
    'dummy',
    'placeholder',
    'REDACTED',
    'your-api-key',
    'your_token_here',
    'null',
    'none',
    'password',
    'secret',
    'TODO',
  ])('%j is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it.each([
    'root',
    'test',
    'hunter2',
    'S3cr3t!Pa55',
    'admin',
    'pass',
    'k8s-goat-85057846a8046a25b35f38f3a2649dce',
  ])('%j is a value', (value) => {
    expect(isPlaceholder(value)).toBe(false);
  });
});
