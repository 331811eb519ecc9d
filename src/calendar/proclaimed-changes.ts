/**
 * One-off bank holiday changes made by royal proclamation (working-days.md, "One-off changes").
 *
 * This is seed data: an administrator adds later proclamations in the same shape, and the calendar
 * applies them in order. A moved holiday is a new date that `replaces` the regular one; an extra
 * holiday has no `replaces`.
 */
import type { IsoDate } from './iso-date';

export interface ProclaimedChange {
  date: IsoDate;
  name: string;
  replaces?: IsoDate;
}

export const PROCLAIMED_CHANGES: readonly ProclaimedChange[] = [
  { date: '1995-05-08', name: 'Early May bank holiday (VE Day)', replaces: '1995-05-01' },
  { date: '1999-12-31', name: 'Millennium Day' },
  { date: '2002-06-04', name: 'Spring bank holiday', replaces: '2002-05-27' },
  { date: '2002-06-03', name: 'Golden Jubilee bank holiday' },
  { date: '2011-04-29', name: 'Royal wedding' },
  { date: '2012-06-04', name: 'Spring bank holiday', replaces: '2012-05-28' },
  { date: '2012-06-05', name: 'Diamond Jubilee bank holiday' },
  { date: '2020-05-08', name: 'Early May bank holiday (VE Day)', replaces: '2020-05-04' },
  { date: '2022-06-02', name: 'Spring bank holiday', replaces: '2022-05-30' },
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', name: 'State funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Coronation of King Charles III' },
];
