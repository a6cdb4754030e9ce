import { describe, expect, it } from 'vitest';
import { nameKind, nameWords } from './secret-names.ts';

describe('nameWords', () => {
  it('splits separators, camelCase and acronyms', () => {
    expect(nameWords('MYSQL_ROOT_PASSWORD')).toEqual(['mysql', 'root', 'password']);
    expect(nameWords('clientSecret')).toEqual(['client', 'secret']);
    expect(nameWords('AWSSecretKey')).toEqual(['aws', 'secret', 'key']);
    expect(nameWords('spring.datasource.password')).toEqual(['spring', 'datasource', 'password']);
  });
});

describe('nameKind', () => {
  it.each([
    ['DB_PASSWORD', 'password'],
    ['PGPASSWORD', 'password'],
    ['mysql-root-passwd', 'password'],
    ['db.pass', 'password'],
    ['SSH_PASSPHRASE', 'password'],
    ['API_TOKEN', 'secret'],
    ['clientSecret', 'secret'],
    ['aws_secret_access_key', 'secret'],
    ['api_key', 'secret'],
    ['apikey', 'secret'],
    ['SIGNING_KEY', 'secret'],
    ['credentials', 'secret'],
    ['_authToken', 'secret'],
    ['k8svaultapikey', 'secret'],
  ])('%s → %s', (name, kind) => {
    expect(nameKind(name)).toBe(kind);
  });

  it.each([
    'DB_PASSWORD_FILE',
    'SECRET_NAME',
    'TOKEN_PATH',
    'token_ttl',
    'password-min-length',
    'PasswordAuthentication',
    'AWS_ACCESS_KEY_ID',
    'key',
    'public_key',
    'monkey',
    'bypass',
    'compass',
    'REQUEST_ID',
    '',
  ])('%s → undefined', (name) => {
    expect(nameKind(name)).toBeUndefined();
  });
});
