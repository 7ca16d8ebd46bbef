import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

// Shapes only: knowledge-domain checks values and words Frappe's messages.

const NAME = 140;
/** Article bodies are HTML from a rich-text editor; a few hundred KiB is a long manual. */
const CONTENT = 500_000;
const TEMPLATE = 100_000;

/** HD Article fields a client may set (author, views, published_on and the slug are derived). */
export class ArticleFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  title?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  category?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(CONTENT)
  content?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  status?: string | null;
}

/** HD Article Category fields. */
export class CategoryFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  category_name?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  icon?: string | null;
}

/** One row of HD Saved Reply's `teams` (HD Saved Reply Team). */
export class SavedReplyTeamDto {
  @IsString()
  @MaxLength(NAME)
  team!: string;
}

/** HD Saved Reply fields. */
export class SavedReplyFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  title?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(TEMPLATE)
  message?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  scope?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => SavedReplyTeamDto)
  teams?: SavedReplyTeamDto[] | null;
}

/** HD Article Feedback as a client writes it: the caller's verdict on one article. */
export class ArticleFeedbackFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(NAME)
  article?: string;

  @IsOptional()
  @IsIn(['0', '1', '2', 0, 1, 2])
  feedback?: string | number;
}
