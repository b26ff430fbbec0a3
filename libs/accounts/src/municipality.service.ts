import { Injectable } from '@nestjs/common';
import { MunicipalityEntity } from './account.entities';
import { MunicipalityRepository } from './municipality.repository';

/** The shipped, dated list of current municipalities. It changes only by migration, so it is read once. */
@Injectable()
export class MunicipalityService {
  private all?: Promise<MunicipalityEntity[]>;
  private byCode?: Promise<Map<string, MunicipalityEntity>>;

  constructor(private readonly municipalities: MunicipalityRepository) {}

  list(): Promise<MunicipalityEntity[]> {
    this.all ??= this.municipalities.all().catch((error: unknown) => {
      this.all = undefined;
      throw error;
    });
    return this.all;
  }

  async find(code: string): Promise<MunicipalityEntity | undefined> {
    this.byCode ??= this.list().then((all) => new Map(all.map((m) => [m.code, m])));
    return (await this.byCode).get(code);
  }

  async exists(code: string): Promise<boolean> {
    return (await this.find(code)) !== undefined;
  }
}
