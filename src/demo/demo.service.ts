import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { DEMO_SEEDER, SeedsDemoData } from './demo-seeder';

@Injectable()
export class DemoService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  async seed(): Promise<void> {
    const seeders = this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance)
      .map((wrapper) => ({
        order: this.reflector.get<number | undefined>(DEMO_SEEDER, wrapper.metatype as object as never),
        instance: wrapper.instance as SeedsDemoData,
        name: wrapper.name,
      }))
      .filter((s): s is { order: number; instance: SeedsDemoData; name: string } => s.order !== undefined)
      .sort((a, b) => a.order - b.order);
    for (const seeder of seeders) {
      await seeder.instance.seedDemo();
      this.logger.log(`demo data loaded: ${String(seeder.name)}`);
    }
  }
}
