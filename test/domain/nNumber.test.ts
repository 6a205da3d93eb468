import { nNumberWarning } from '../../src/domain/nNumber';

describe('nNumberWarning', () => {
  it.each(['N1234567', 'n7654321', ''])('accepts %p', (value) => expect(nNumberWarning(value)).toBeNull());
  it('warns about an all-digit value (an NPN in the wrong column)', () => {
    expect(nNumberWarning('17654321')).toMatch(/looks like an NPN/);
  });
  it('warns when the value equals the agent NPN', () => {
    expect(nNumberWarning('N17654321', '17654321')).toMatch(/matches the agent's NPN/);
  });
  it('warns about anything else that is not N + digits', () => {
    expect(nNumberWarning('ABC-12')).toMatch(/does not look like an N-Number/);
  });
});
