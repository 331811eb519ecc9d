import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser, Permission } from '../identity/permissions';
import { readDateInput } from '../web/forms/dates';
import { errorsFromService, FormErrors, formErrors } from '../web/forms/form';
import { AdminSection } from '../web/shell/contributions';
import { WebController } from '../web/shell/web-controller';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './bank-holidays';
import { CalendarService } from './calendar.service';
import { parseIsoDate } from './iso-date';
import { TimeSource } from './time-source';

const BASE = '/admin/bank-holidays';
const LABELS = { date: 'Date', replaces: 'The holiday it moves', name: 'Name' };

type DateBoxes = { day?: string; month?: string; year?: string };

interface FormValues {
  date?: DateBoxes;
  replaces?: DateBoxes;
  name?: string;
}

/** The England and Wales calendar, and the proclaimed changes an administrator adds to it. */
@AdminSection({
  title: 'Bank holidays',
  href: BASE,
  description: 'The England and Wales bank holidays deadlines count with; add a proclaimed change.',
  roles: ['system-admin'],
  order: 40,
})
@Permission('system-admin')
@WebController('admin/bank-holidays')
export class BankHolidayPagesController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly time: TimeSource,
  ) {}

  @Get()
  async index(@Query('year') yearText: string | undefined, @Res() res: Response) {
    const thisYear = parseIsoDate(this.time.today()).year;
    const asked = Number(yearText);
    const year =
      Number.isInteger(asked) && asked >= FIRST_SUPPORTED_YEAR && asked <= LAST_SUPPORTED_YEAR
        ? asked
        : thisYear;
    return this.render(res, 200, year, {});
  }

  @Post()
  async add(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
    @Res() res: Response,
  ) {
    const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
    const boxes = (field: string): DateBoxes => ({
      day: text(`${field}-day`),
      month: text(`${field}-month`),
      year: text(`${field}-year`),
    });
    const values: FormValues = {
      date: boxes('date'),
      replaces: boxes('replaces'),
      name: text('name').trim(),
    };
    const date = readDateInput('date', values.date!, 'Date');
    const replaces = readDateInput('replaces', values.replaces!, 'The holiday it moves');
    const problems = [
      'empty' in date
        ? { field: 'date', text: 'Enter the date of the bank holiday', anchor: 'date-day' }
        : undefined,
      'error' in date ? { field: 'date', text: date.error, anchor: date.anchor } : undefined,
      values.name ? undefined : { field: 'name', text: 'Enter the name of the bank holiday', anchor: 'name' },
      'error' in replaces ? { field: 'replaces', text: replaces.error, anchor: replaces.anchor } : undefined,
    ].filter((p) => p !== undefined);
    const thisYear = parseIsoDate(this.time.today()).year;
    if (problems.length || !('date' in date)) {
      const errors = formErrors(problems, {
        anchors: Object.fromEntries(problems.map((p) => [p.field, p.anchor])),
      });
      return this.render(res, 400, thisYear, values, errors);
    }
    try {
      const { change, recomputedClocks } = await this.calendar.addChange(
        { date: date.date, name: values.name!, ...('date' in replaces ? { replaces: replaces.date } : {}) },
        user,
      );
      res.render('confirmation.njk', {
        pageTitle: 'Bank holiday added',
        title: change.replaces ? 'Bank holiday moved' : 'Bank holiday added',
        reference: change.name,
        referenceLabel: change.date,
        paragraphs: [
          recomputedClocks === 1
            ? 'The due date of 1 running clock changed, and its history says why.'
            : `The due dates of ${recomputedClocks} running clocks changed, and their histories say why.`,
        ],
        links: [{ text: 'Back to bank holidays', href: `${BASE}?year=${parseIsoDate(change.date).year}` }],
      });
    } catch (error) {
      const errors = errorsFromService(error, LABELS, 'date', {
        anchors: { date: 'date-day', replaces: 'replaces-day' },
      });
      return this.render(res, 400, parseIsoDate(date.date).year, values, errors);
    }
  }

  private async render(res: Response, status: number, year: number, values: FormValues, errors?: FormErrors) {
    const [holidays, changes] = await Promise.all([
      this.calendar.bankHolidays(year),
      this.calendar.changes(),
    ]);
    res.status(status).render('calendar/bank-holidays.njk', {
      pageTitle: errors ? 'Error: Bank holidays' : 'Bank holidays',
      year,
      previousYear: year > FIRST_SUPPORTED_YEAR ? year - 1 : undefined,
      nextYear: year < LAST_SUPPORTED_YEAR ? year + 1 : undefined,
      holidays,
      changes: [...changes].reverse(),
      values,
      errors,
    });
  }
}
