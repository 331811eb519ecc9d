import { financialYear } from './financial-year';

describe('financialYear', () => {
  it('runs from 1 April to 31 March and is labelled by both years', () => {
    expect(financialYear(2025)).toEqual({ from: '2025-04-01', to: '2026-03-31', label: '2025-26' });
    expect(financialYear(2099)).toEqual({ from: '2099-04-01', to: '2100-03-31', label: '2099-00' });
  });
});
