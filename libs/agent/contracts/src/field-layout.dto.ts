import 'reflect-metadata';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CHECK } from './people.dto.js';

/**
 * The fields of an HD Field Layout both bodies share. `layout` is JSON text, as the dashboard
 * sends it; its shape, size and `type`'s options are checked by the rules, which answer Frappe's
 * messages.
 */
class FieldLayoutFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  document_type?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  user?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  type?: string | null;

  @IsOptional()
  @IsIn(CHECK)
  apply_to_system?: 0 | 1 | boolean;
}

/** Body of `POST /api/resource/HD Field Layout` and `frappe.client.insert`'s `doc`. */
export class CreateFieldLayoutDto extends FieldLayoutFieldsDto {
  @IsOptional()
  @IsIn(['HD Field Layout'])
  doctype?: string;

  @IsDefined()
  @IsNotEmpty()
  @IsString()
  layout!: string;
}

/** Changes of `PUT /api/resource/HD Field Layout/<name>`; a whole document saved back is accepted. */
export class UpdateFieldLayoutDto extends FieldLayoutFieldsDto {
  @IsOptional()
  @IsString()
  layout?: string | null;
}
