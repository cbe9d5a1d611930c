/** The sign-in settings are read once from the environment and validated (src/config.ts). */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';

const base = { NODE_ENV: 'test' };

describe('sign-in configuration', () => {
  it('has safe defaults: no SMTP outside production, the console on the loopback in development only', () => {
    const dev = loadConfig({ NODE_ENV: 'development' }).signIn;
    expect(dev).toMatchObject({
      issuer: undefined,
      consoleRedirectUris: ['http://127.0.0.1:4000/console/callback'],
      codeTtlSeconds: 300,
      maxAttempts: 5,
      maxCodesPerWindow: 5,
      rateWindowSeconds: 900,
      refreshTokenTtlSeconds: 2_592_000,
      smtpUrl: undefined,
    });
    const prod = loadConfig({ NODE_ENV: 'production', HUB_SIGNING_KEYS: '[]', SMTP_URL: 'smtp://mail:25' }).signIn;
    expect(prod.consoleRedirectUris).toEqual([]);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      ...base,
      OIDC_ISSUER: 'https://hub.example.com/oidc',
      HUB_CONSOLE_REDIRECT_URIS: 'https://console.example.com/cb, https://console.example.com/cb2',
      REFRESH_TOKEN_TTL_SECONDS: '3600',
      SIGN_IN_CODE_TTL_SECONDS: '120',
      SIGN_IN_MAX_ATTEMPTS: '3',
      SIGN_IN_MAX_CODES: '4',
      SIGN_IN_RATE_WINDOW_SECONDS: '600',
      SMTP_URL: 'smtps://user:pw@mail.example.com',
      SIGN_IN_MAIL_FROM: 'Hub <hub@example.com>',
    }).signIn;
    expect(c).toEqual({
      issuer: 'https://hub.example.com/oidc',
      consoleRedirectUris: ['https://console.example.com/cb', 'https://console.example.com/cb2'],
      refreshTokenTtlSeconds: 3600,
      codeTtlSeconds: 120,
      maxAttempts: 3,
      maxCodesPerWindow: 4,
      rateWindowSeconds: 600,
      smtpUrl: 'smtps://user:pw@mail.example.com',
      mailFrom: 'Hub <hub@example.com>',
    });
  });

  it.each([
    [{ OIDC_ISSUER: 'https://hub.example.com' }, /OIDC_ISSUER/],
    [{ OIDC_ISSUER: 'https://hub.example.com/oidc?x=1' }, /OIDC_ISSUER/],
    [{ OIDC_ISSUER: 'ftp://hub.example.com/oidc' }, /OIDC_ISSUER/],
    [{ OIDC_ISSUER: 'not a url' }, /OIDC_ISSUER/],
    [{ HUB_CONSOLE_REDIRECT_URIS: '/relative' }, /HUB_CONSOLE_REDIRECT_URIS/],
    [{ SIGN_IN_MAX_ATTEMPTS: '0' }, /SIGN_IN_MAX_ATTEMPTS/],
    [{ SIGN_IN_CODE_TTL_SECONDS: '10' }, /SIGN_IN_CODE_TTL_SECONDS/],
    [{ SIGN_IN_MAX_CODES: 'many' }, /SIGN_IN_MAX_CODES/],
    [{ REFRESH_TOKEN_TTL_SECONDS: '1' }, /REFRESH_TOKEN_TTL_SECONDS/],
    [{ NODE_ENV: 'production', HUB_SIGNING_KEYS: '[]' }, /SMTP_URL/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});
