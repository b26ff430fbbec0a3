import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentEntity } from './document.entity';
import { DocumentService } from './document.service';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([DocumentEntity])], providers: [DocumentService], exports: [DocumentService] })
export class DocumentsModule {}
