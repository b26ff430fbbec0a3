import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Secrets the platform makes for itself and shares between its processes through the database. */
@Injectable()
export class AppSecretRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The secret stored under `name`, storing `candidate` first when there is none. Processes starting
   * together may both offer one: ON CONFLICT keeps the first, and both read that one back.
   */
  async getOrCreate(name: string, candidate: string): Promise<string> {
    await this.db.query(`INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, candidate]);
    const [row] = (await this.db.query(`SELECT value FROM app_secret WHERE name = $1`, [name])) as { value: string }[];
    return row.value;
  }
}
