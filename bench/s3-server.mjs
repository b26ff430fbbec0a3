// The S3 protocol server (s3rver, as the embedded default uses) in a process of its own, so that
// storing a PDF costs the issuing process what a real object store would: the client side only.
//   node bench/s3-server.mjs <directory> <bucket>   prints "endpoint <url>" when ready
import { EmbeddedS3 } from '../dist/libs/storage/src/index.js';

const s3 = await EmbeddedS3.start({ directory: process.argv[2], bucket: process.argv[3] });
process.stdout.write(`endpoint ${s3.endpoint}\n`);
process.on('SIGTERM', () => s3.stop().then(() => process.exit(0)));
