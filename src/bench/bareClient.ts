/** The comparison process for startup and memory: discord.js imported, a Client built, nothing else. */
import { Client, GatewayIntentBits } from 'discord.js';

const client = new Client({ intents: [GatewayIntentBits.Guilds] });
process.stdout.write(`ready ${client.options.intents.bitfield}\n`);
// Stay alive until the runner closes stdin, as the console does.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
