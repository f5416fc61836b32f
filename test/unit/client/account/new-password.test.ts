import { expect } from 'chai';
import { newPasswordReady } from '../../../../client/src/features/account/new-password-fields.js';

describe('account: a new password is ready to send', () => {
  it('when it has at least 12 characters and was typed the same twice', () => {
    expect(newPasswordReady({ value: 'copper-meadow-77', repeat: 'copper-meadow-77' })).to.equal(true);
    expect(newPasswordReady({ value: 'short-one', repeat: 'short-one' })).to.equal(false);
    expect(newPasswordReady({ value: 'copper-meadow-77', repeat: 'copper-meadow-78' })).to.equal(false);
  });
});
