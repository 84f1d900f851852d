/** What makes an account's fields acceptable: one login key everywhere, each field at its edges. */
import { describe, expect, it } from 'vitest';
import { accountInputProblem, minPasswordLength, normaliseLogin } from '#shared/domain/accountRules.ts';

const valid = { login: 'ivanov', name: 'Иван Иванов', role: 'agent', password: 'секрет-123' };

describe('a login as the endpoint keys it', () => {
  it('folds compatibility forms, drops spaces at either end and lowers the case', () => {
    expect(normaliseLogin('  Ivanov  ')).toBe('ivanov');
    expect(normaliseLogin('ＩＶＡＮＯＶ')).toBe('ivanov');
    expect(normaliseLogin('\u00a0ivanov\u00a0')).toBe('ivanov');
  });

  it('keeps a no-break space inside the login as a plain space, not a different key', () => {
    expect(normaliseLogin('ivan\u00a0ov')).toBe('ivan ov');
    expect(normaliseLogin('ivan ov')).toBe(normaliseLogin('ivan\u00a0ov'));
  });
});

describe('the first field of an account that breaks a rule', () => {
  it('accepts an account whose every field is within its rule', () => {
    expect(accountInputProblem(valid)).toBeNull();
    expect(accountInputProblem({ ...valid, login: 'a.b_c-d@e1' })).toBeNull();
    expect(accountInputProblem({ ...valid, login: '  Ivanov ' })).toBeNull();
  });

  it('takes logins of 2 to 100 letters, digits and . _ @ - only', () => {
    expect(accountInputProblem({ ...valid, login: 'ab' })).toBeNull();
    expect(accountInputProblem({ ...valid, login: 'a' })).toBe('login');
    expect(accountInputProblem({ ...valid, login: 'a'.repeat(100) })).toBeNull();
    expect(accountInputProblem({ ...valid, login: 'a'.repeat(101) })).toBe('login');
    expect(accountInputProblem({ ...valid, login: 'иванов' })).toBe('login');
    expect(accountInputProblem({ ...valid, login: 'ivan ov' })).toBe('login');
    // The whole login must match, not a part of it.
    expect(accountInputProblem({ ...valid, login: '!ivanov' })).toBe('login');
    expect(accountInputProblem({ ...valid, login: 'ivanov!' })).toBe('login');
  });

  it('wants a name that is not blank and at most 200 characters', () => {
    expect(accountInputProblem({ ...valid, name: '   ' })).toBe('name');
    expect(accountInputProblem({ ...valid, name: '' })).toBe('name');
    expect(accountInputProblem({ ...valid, name: 'И' })).toBeNull();
    expect(accountInputProblem({ ...valid, name: 'И'.repeat(200) })).toBeNull();
    expect(accountInputProblem({ ...valid, name: 'И'.repeat(201) })).toBe('name');
  });

  it('wants one of the desk’s roles', () => {
    for (const role of ['agent', 'head', 'admin']) expect(accountInputProblem({ ...valid, role })).toBeNull();
    expect(accountInputProblem({ ...valid, role: 'root' })).toBe('role');
    expect(accountInputProblem({ ...valid, role: '' })).toBe('role');
  });

  it('checks a password of at least 8 characters, and only when one is given', () => {
    expect(minPasswordLength).toBe(8);
    expect(accountInputProblem({ ...valid, password: '1234567' })).toBe('password');
    expect(accountInputProblem({ ...valid, password: '12345678' })).toBeNull();
    expect(accountInputProblem({ ...valid, password: '' })).toBe('password');
    const { password: _omitted, ...withoutPassword } = valid;
    expect(accountInputProblem(withoutPassword)).toBeNull();
    expect(accountInputProblem({ ...valid, password: undefined })).toBeNull();
  });

  it('names the first field that breaks a rule, in the order login, name, role, password', () => {
    const allWrong = { login: 'a', name: '', role: 'root', password: '1' };
    expect(accountInputProblem(allWrong)).toBe('login');
    expect(accountInputProblem({ ...allWrong, login: 'ivanov' })).toBe('name');
    expect(accountInputProblem({ ...allWrong, login: 'ivanov', name: 'Иван' })).toBe('role');
    expect(accountInputProblem({ ...allWrong, login: 'ivanov', name: 'Иван', role: 'head' })).toBe('password');
  });
});
