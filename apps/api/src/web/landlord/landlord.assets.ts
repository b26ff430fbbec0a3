import type { AssetSource } from '../web.assets';

/** Stylesheets and scripts of these pages only (logical names must be unique across the app). */
export const LANDLORD_ASSETS: AssetSource[] = [];
