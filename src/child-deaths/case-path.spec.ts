import { pathBetween } from './case-path';

describe('pathBetween', () => {
  it('walks the process in order from information gathering to the CDOP review', () => {
    expect(pathBetween('information-gathering', 'reviewed-by-cdop')).toEqual([
      'awaiting-cdrm',
      'cdrm-held',
      'awaiting-cdop',
      'reviewed-by-cdop',
    ]);
  });

  it('skips the joint agency response when going straight to information gathering', () => {
    expect(pathBetween('notified', 'information-gathering')).toEqual(['information-gathering']);
  });

  it('never goes backwards', () => {
    expect(pathBetween('cdrm-held', 'information-gathering')).toBeNull();
  });

  it('is empty when already there', () => {
    expect(pathBetween('closed', 'closed')).toEqual([]);
  });
});
