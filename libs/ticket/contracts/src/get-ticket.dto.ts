import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Ticket names are integers; the API also accepts them as numeric strings. */
export class GetTicketDto {
  @Type(() => Number)
  @IsInt({ message: 'name must be an integer' })
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  name!: number;
}
