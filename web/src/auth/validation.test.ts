import { describe, expect, it } from 'vitest';
import {
  validateBio,
  validateEmail,
  validateForgotPassword,
  validateFullName,
  validateLogin,
  validatePassword,
  validatePasswordChange,
  validatePasswordReset,
  validateSignup,
} from './validation';

describe('validateEmail', () => {
  it('accepts a normal address, ignoring surrounding spaces', () => {
    expect(validateEmail('ada@example.com')).toBeNull();
    expect(validateEmail('  ada@example.com \n')).toBeNull();
  });

  it.each([
    '',
    '   ',
    'ada',
    'ada@',
    '@example.com',
    'ada@example',
    'ada@example.',
    'ada@example..',
    'a da@example.com',
    'ada@@example.com',
    'ada\u0001@example.com',
    `${'a'.repeat(243)}@example.com`, // 255 characters
  ])(
    'rejects %j',
    (email) => {
      expect(validateEmail(email)).toEqual(expect.any(String));
    },
  );
});

describe('validatePassword', () => {
  it('enforces 8..128 characters', () => {
    expect(validatePassword('a'.repeat(7))).toMatch(/at least 8/);
    expect(validatePassword('a'.repeat(8))).toBeNull();
    expect(validatePassword('a'.repeat(128))).toBeNull();
    expect(validatePassword('a'.repeat(129))).toMatch(/at most 128/);
    expect(validatePassword('')).toMatch(/required/);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(validatePassword('👋'.repeat(8))).toBeNull(); // 16 UTF-16 units, 8 characters
    expect(validatePassword('👋'.repeat(7))).toMatch(/at least 8/);
    expect(validatePassword('👋'.repeat(128))).toBeNull();
    expect(validatePassword('👋'.repeat(129))).toMatch(/at most 128/);
  });

  it('does not trim passwords', () => {
    expect(validatePassword('   abcd   ')).toBeNull(); // 10 chars including spaces
  });
});

describe('validateFullName', () => {
  it('trims before checking', () => {
    expect(validateFullName('   ')).toMatch(/required/);
    expect(validateFullName('  Ada  ')).toBeNull();
    expect(validateFullName(` ${'x'.repeat(50)} `)).toBeNull();
  });

  it('allows 1..50 characters', () => {
    expect(validateFullName('A')).toBeNull();
    expect(validateFullName('x'.repeat(50))).toBeNull();
    expect(validateFullName('x'.repeat(51))).toMatch(/at most 50/);
    expect(validateFullName('😀'.repeat(50))).toBeNull();
    expect(validateFullName('😀'.repeat(51))).toMatch(/at most 50/);
  });

  it.each(['Ada\u0000x', 'Ada\tLovelace', 'Ada\nLovelace', 'Ada\u007Fx', 'Ada\u0085x', 'Ada\u2028Lovelace'])(
    'rejects control characters in %j',
    (name) => {
      expect(validateFullName(name)).toMatch(/control characters/);
    },
  );

  it('accepts non-ASCII names', () => {
    expect(validateFullName('Zoë Ñúñez-岩田')).toBeNull();
  });
});

describe('validateBio', () => {
  it('allows up to 200 characters', () => {
    expect(validateBio('')).toBeNull();
    expect(validateBio('b'.repeat(200))).toBeNull();
    expect(validateBio('b'.repeat(201))).toMatch(/at most 200/);
    expect(validateBio('🎉'.repeat(200))).toBeNull();
  });

  it('checks the trimmed bio, like the server', () => {
    expect(validateBio(`  ${'b'.repeat(200)}\n `)).toBeNull();
  });

  it('allows line breaks but no other control characters', () => {
    expect(validateBio('line one\nline two\r\nline three')).toBeNull();
    expect(validateBio('tab\there')).toMatch(/control characters/);
  });
});

describe('form validators', () => {
  it('signup reports every bad field', () => {
    expect(validateSignup({ fullName: ' ', email: 'nope', password: 'short' })).toEqual({
      fullName: expect.any(String),
      email: expect.any(String),
      password: expect.any(String),
    });
    expect(validateSignup({ fullName: 'Ada', email: 'ada@example.com', password: 'correct horse' })).toEqual({});
  });

  it('login only requires a password to be present', () => {
    expect(validateLogin({ email: 'ada@example.com', password: 'x' })).toEqual({});
    expect(validateLogin({ email: 'ada@example.com', password: '' })).toHaveProperty('password');
  });

  it('password change checks both fields', () => {
    expect(validatePasswordChange({ currentPassword: '', newPassword: '1234567' })).toEqual({
      currentPassword: expect.any(String),
      newPassword: expect.any(String),
    });
  });

  it('forgot password needs a valid email', () => {
    expect(validateForgotPassword({ email: ' ada@example.com ' })).toEqual({});
    expect(validateForgotPassword({ email: 'ada' })).toHaveProperty('email');
  });

  it('password reset applies the signup rules and wants the same password twice', () => {
    expect(validatePasswordReset({ newPassword: 'correct horse', confirmPassword: 'correct horse' })).toEqual({});
    expect(validatePasswordReset({ newPassword: 'correct horse', confirmPassword: 'correct hors' })).toEqual({
      confirmPassword: 'Passwords do not match',
    });
    expect(validatePasswordReset({ newPassword: '1234567', confirmPassword: '' })).toEqual({
      newPassword: expect.stringMatching(/at least 8/),
      confirmPassword: expect.stringMatching(/confirm/i),
    });
  });
});
