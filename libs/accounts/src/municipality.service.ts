import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MunicipalityEntity } from './account.entities';

/** The shipped, dated list of current municipalities. It changes only by migration, so it is read once. */
@Injectable()
export class MunicipalityService {
  private all?: Promise<MunicipalityEntity[]>;
  private byCode?: Promise<Map<string, MunicipalityEntity>>;

  constructor(@InjectRepository(MunicipalityEntity) private readonly municipalities: Repository<MunicipalityEntity>) {}

  list(): Promise<MunicipalityEntity[]> {
    this.all ??= this.municipalities.find({ order: { code: 'ASC' } }).catch((error: unknown) => {
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
