import 'reflect-metadata';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { CHECK } from './people.dto.js';

/**
 * The fields of an HD Agent Status both bodies share. Category and color are checked against
 * their options by the rules, which answer Frappe's messages.
 */
class AgentStatusFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  category?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(140)
  color?: string | null;

  @IsOptional()
  @IsInt()
  status_order?: number | null;

  @IsOptional()
  @IsIn(CHECK)
  enable?: 0 | 1 | boolean;
}

/** Body of `POST /api/resource/HD Agent Status`. */
export class CreateAgentStatusDto extends AgentStatusFieldsDto {
  @IsOptional()
  @IsIn(['HD Agent Status'])
  doctype?: string;

  @IsDefined()
  @IsNotEmpty()
  @IsString()
  @MaxLength(140)
  agent_status!: string;
}

/** Changes of `PUT /api/resource/HD Agent Status/<name>`; a whole document saved back is accepted. */
export class UpdateAgentStatusDto extends AgentStatusFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(140)
  agent_status?: string;
}
