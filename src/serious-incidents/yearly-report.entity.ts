import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../common/base.entity';

/** A safeguarding partnership's yearly report for the financial year starting 1 April `financialYear`. */
@Entity('sp_yearly_report')
export class YearlyReport extends BaseRecord {
  @Column('uuid', { name: 'partnership_id' })
  partnershipId!: string;

  @Column('integer', { name: 'financial_year' })
  financialYear!: number;

  @Column('date', { name: 'published_on', nullable: true })
  publishedOn!: string | null;

  @Column('text', { name: 'publication_url', nullable: true })
  publicationUrl!: string | null;

  /** When the copy went to the Panel and the DfE MASA unit (SP-YEARLY-REPORT-SEND). */
  @Column('date', { name: 'sent_on', nullable: true })
  sentOn!: string | null;
}
