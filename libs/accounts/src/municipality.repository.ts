import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MunicipalityEntity } from './account.entities';

/** The shipped list of municipalities (written only by migrations). */
@Injectable()
export class MunicipalityRepository {
  constructor(@InjectRepository(MunicipalityEntity) private readonly municipalities: Repository<MunicipalityEntity>) {}

  all(): Promise<MunicipalityEntity[]> {
    return this.municipalities.find({ order: { code: 'ASC' } });
  }
}
