import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length } from 'class-validator';

/** A professional who knew the child in life or after death, or who notified the death. */
export class ProfessionalDto {
  @ApiProperty({ example: 'Dr Sam Patel' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'Consultant paediatrician' })
  @IsString()
  @Length(1, 200)
  role!: string;

  @ApiProperty({ example: 'Northshire Hospitals NHS Foundation Trust' })
  @IsString()
  @Length(1, 200)
  organisation!: string;

  @ApiPropertyOptional({ example: 'sam.patel@nhs.example' })
  @IsOptional()
  @IsEmail()
  email?: string;
}
