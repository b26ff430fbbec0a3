import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppException } from '@keurmerk/common';
import { HashedAssets } from '../http/hashed-assets';
import { WebController, WebPublic } from './web.guard';

/*
 * Leaflet (the municipality's map), served from its installed package under content-hashed names
 * like the web app's own files (http/hashed-assets.ts): the version in package-lock.json is what the
 * browser runs, with no copy in this repository to fall behind. Only its script and stylesheet: the
 * map draws its markers as SVG and uses none of Leaflet's images.
 */
const LEAFLET_DIR = dirname(createRequire(import.meta.url).resolve('leaflet/dist/leaflet.js'));
const LEAFLET_FILES = ['leaflet.js', 'leaflet.css'];

export const VENDOR_ASSETS = new HashedAssets(
  pathToFileURL(`${LEAFLET_DIR}/`),
  '/app/vendor',
  readdirSync(LEAFLET_DIR).filter((file) => !LEAFLET_FILES.includes(file)),
);

export function vendorAssetUrl(logical: string): string {
  return VENDOR_ASSETS.url(logical);
}

@WebController('app/vendor')
export class VendorAssetsController {
  @Get(':name')
  @WebPublic()
  asset(@Param('name') name: string, @Res() reply: FastifyReply): FastifyReply {
    const asset = VENDOR_ASSETS.find(name);
    if (!asset) throw AppException.notFound('The file');
    return VENDOR_ASSETS.send(reply, asset);
  }
}
