import { Injectable } from '@nestjs/common';
import { IsoDate, londonDateOf } from './iso-date';

/**
 * The one place the portal asks what time it is, so that clocks, reminders and "today in London" can be
 * tested on fixed dates (tests replace `now` on the app's instance) instead of whatever today happens to be.
 */
@Injectable()
export class TimeSource {
  now(): Date {
    return new Date();
  }

  /** Today's date in London, the zone every deadline is counted in. */
  today(): IsoDate {
    return londonDateOf(this.now());
  }
}
