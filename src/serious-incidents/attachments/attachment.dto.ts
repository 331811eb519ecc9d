import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The text fields sent with an uploaded file. */
export class AttachmentBodyDto {
  @ApiPropertyOptional({ example: 'Chronology from the school' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}
