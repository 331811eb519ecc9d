import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';
import type { ClockRuleId } from './rules/clock-rules';

/** A CDOP's or partnership's own window for a local-default rule, in force from `effectiveFrom`. */
@Entity('clock_default')
export class ClockDefault extends BaseRecord {
  @Column('uuid', { name: 'organisation_id' })
  organisationId!: string;

  @Column('text', { name: 'rule_id' })
  ruleId!: ClockRuleId;

  @Column('integer')
  amount!: number;

  @Column('timestamptz', { name: 'effective_from' })
  effectiveFrom!: Date;

  @Column('uuid', { name: 'changed_by', nullable: true })
  changedBy!: string | null;
}
