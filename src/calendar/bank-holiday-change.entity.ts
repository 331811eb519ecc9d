import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { IsoDate } from './iso-date';

/** A proclaimed change to the England and Wales calendar: an extra holiday, or one that moves another. */
@Entity('bank_holiday_change')
export class BankHolidayChange {
  /** Insertion order, which is the order the changes apply in. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Column('uuid', { unique: true })
  @Generated('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;

  @Column('date')
  date!: IsoDate;

  @Column('text')
  name!: string;

  @Column('date', { nullable: true })
  replaces!: IsoDate | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;
}
