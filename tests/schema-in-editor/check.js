// Opens a fact file in the real yaml-language-server (what VS Code's YAML extension runs) and
// prints the diagnostics it publishes, one per line: "line:column message". Not part of the
// test suite (it needs npm); run it by hand after a change to the schema:
//
//   cd tests/schema-in-editor && npm install --no-save yaml-language-server@2.0.0
//   cp ../../src/FactGen/schema/facts.schema.json work/ && cp mistakes.facts.yaml.txt work/bad.facts.yaml
//   node check.js bad.facts.yaml    # one human message per mistake, no raw regular expression
//
// A file with no mistakes prints "timeout: no diagnostics" after 20 s.
const { spawn } = require('child_process');
const path = require('path'); const fs = require('fs');
const server = spawn(process.execPath, [path.join(__dirname, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio']);
let buf = Buffer.alloc(0); let id = 0;
function send(msg) { const s = JSON.stringify(msg); server.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`); }
function request(method, params) { send({ jsonrpc: '2.0', id: ++id, method, params }); }
function notify(method, params) { send({ jsonrpc: '2.0', method, params }); }
const file = path.join(__dirname, 'work', process.argv[2]); const uri = 'file://' + file;
server.stdout.on('data', d => {
  buf = Buffer.concat([buf, d]);
  while (true) {
    const h = buf.indexOf('\r\n\r\n'); if (h < 0) return;
    const len = parseInt(/Content-Length: (\d+)/.exec(buf.slice(0, h).toString())[1]);
    if (buf.length < h + 4 + len) return;
    const msg = JSON.parse(buf.slice(h + 4, h + 4 + len).toString()); buf = buf.slice(h + 4 + len);
    if (msg.method === 'workspace/configuration') send({ jsonrpc: '2.0', id: msg.id, result: msg.params.items.map(() => ({ validate: true, schemas: {} })) });
    else if (msg.id !== undefined && msg.method) send({ jsonrpc: '2.0', id: msg.id, result: null });
    if (msg.method === 'textDocument/publishDiagnostics' && msg.params.diagnostics.length) {
      for (const x of msg.params.diagnostics) console.log(`${x.range.start.line + 1}:${x.range.start.character + 1} ${x.message.replace(/\n/g, ' | ')}`);
      process.exit(0);
    }
  }
});
request('initialize', { processId: process.pid, rootUri: 'file://' + path.join(__dirname, 'work'), capabilities: { workspace: { configuration: true } } });
setTimeout(() => {
  notify('initialized', {});
  notify('workspace/didChangeConfiguration', { settings: { yaml: { validate: true, schemas: {} } } });
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(file, 'utf8') } });
}, 500);
setTimeout(() => { console.log('timeout: no diagnostics'); process.exit(1); }, 20000);
