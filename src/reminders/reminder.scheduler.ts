import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config';
import { OutboxSender, SendResult } from './outbox-sender.service';
import { ReminderTickService } from './reminder-tick.service';

const INTERVAL_NAME = 'reminder-tick';

export interface TickResult extends SendResult {
  created: number;
}

/**
 * Every REMINDER_TICK_SECONDS (when SCHEDULER_ENABLED): create the reminders that are due, then send the
 * outbox. The first tick runs at start, so whatever fell due while the portal was down goes out at once.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private running?: Promise<TickResult>;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly reminders: ReminderTickService,
    private readonly outbox: OutboxSender,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.SCHEDULER_ENABLED) return;
    const handle = setInterval(
      () => void this.tick().catch(() => undefined),
      this.config.REMINDER_TICK_SECONDS * 1000,
    );
    this.registry.addInterval(INTERVAL_NAME, handle);
    void this.tick().catch(() => undefined);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.registry.doesExist('interval', INTERVAL_NAME)) this.registry.deleteInterval(INTERVAL_NAME);
    await this.running?.catch(() => undefined);
  }

  /** One tick; a tick still running in this instance is joined rather than started twice. */
  tick(): Promise<TickResult> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<TickResult> {
    try {
      const created = await this.reminders.createDueReminders();
      const sent = await this.outbox.sendDue();
      if (created || sent.sent || sent.failed) this.logger.log({ created, ...sent }, 'reminder tick');
      return { created, ...sent };
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'reminder tick failed');
      throw error;
    }
  }
}
