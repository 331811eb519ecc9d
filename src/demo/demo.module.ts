import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DemoService } from './demo.service';

@Module({ imports: [DiscoveryModule], providers: [DemoService], exports: [DemoService] })
export class DemoModule {}
