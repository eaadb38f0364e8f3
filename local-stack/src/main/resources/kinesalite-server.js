// Starts kinesalite on 127.0.0.1 only: its command line has no host option.
// Usage: node kinesalite-server.js PORT [DATA_DIR]
const kinesalite = require('kinesalite');

const port = parseInt(process.argv[2], 10);
const options = { createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 64 };
if (process.argv[3]) {
  options.path = process.argv[3];
}
kinesalite(options).listen(port, '127.0.0.1', (err) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log('kinesalite listening on 127.0.0.1:' + port);
});
