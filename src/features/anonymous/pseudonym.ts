import { createHmac } from 'node:crypto';
import type { AnonKeys } from './keys.js';

// Gentle, everyday words only: no illness, body, or insult words, so no pseudonym can read as a
// label on the person behind it. 128 × 128 = 16,384 names per scope.
export const PSEUDONYM_ADJECTIVES: readonly string[] = [
  'Quiet', 'Gentle', 'Calm', 'Bright', 'Brave', 'Kind', 'Warm', 'Soft', 'Steady', 'Patient',
  'Hopeful', 'Curious', 'Mellow', 'Serene', 'Sunny', 'Tender', 'Humble', 'Honest', 'Cheerful',
  'Peaceful', 'Golden', 'Silver', 'Misty', 'Velvet', 'Amber', 'Azure', 'Coral', 'Ivory', 'Jade',
  'Olive', 'Pearl', 'Rosy', 'Sandy', 'Snowy', 'Starry', 'Rainy', 'Breezy', 'Cloudy', 'Dewy',
  'Dusky', 'Frosty', 'Leafy', 'Mossy', 'Cozy', 'Dreamy', 'Lively', 'Merry', 'Nimble', 'Playful',
  'Polite', 'Proud', 'Quick', 'Clever', 'Wise', 'Graceful', 'Friendly', 'Loyal', 'Jolly', 'Sweet',
  'Fuzzy', 'Fluffy', 'Tidy', 'Witty', 'Bold', 'Eager', 'Fair', 'Fond', 'Glad', 'Grand', 'Hardy',
  'Keen', 'Lucky', 'Mild', 'Modest', 'Noble', 'Plucky', 'Quirky', 'Radiant', 'Sincere', 'Spry',
  'Sturdy', 'Swift', 'Thoughtful', 'Tranquil', 'Trusty', 'Upbeat', 'Vivid', 'Wandering',
  'Whistling', 'Bouncy', 'Cosmic', 'Crisp', 'Dappled', 'Feathered', 'Floral', 'Glowing', 'Hazel',
  'Humming', 'Lilac', 'Lunar', 'Maple', 'Meadow', 'Minty', 'Morning', 'Northern', 'Oaken',
  'Painted', 'Pebbled', 'Rustic', 'Saffron', 'Silken', 'Solar', 'Spring', 'Summer', 'Autumn',
  'Winter', 'Twilight', 'Cedar', 'Willow', 'Sage', 'Tawny', 'Russet', 'Cobalt', 'Emerald', 'Opal',
  'Ruby', 'Topaz', 'Sapphire',
];

export const PSEUDONYM_ANIMALS: readonly string[] = [
  'Heron', 'Otter', 'Sparrow', 'Fox', 'Badger', 'Owl', 'Hare', 'Rabbit', 'Deer', 'Robin', 'Finch',
  'Wren', 'Swan', 'Dove', 'Crane', 'Falcon', 'Hawk', 'Kestrel', 'Lark', 'Magpie', 'Puffin',
  'Pelican', 'Penguin', 'Plover', 'Quail', 'Raven', 'Starling', 'Swallow', 'Thrush', 'Warbler',
  'Woodpecker', 'Kingfisher', 'Bluebird', 'Cardinal', 'Chickadee', 'Hummingbird', 'Nightingale',
  'Oriole', 'Sandpiper', 'Tern', 'Albatross', 'Gull', 'Ibis', 'Egret', 'Flamingo', 'Toucan',
  'Parrot', 'Macaw', 'Koala', 'Panda', 'Lemur', 'Meerkat', 'Marmot', 'Beaver', 'Squirrel',
  'Chipmunk', 'Hedgehog', 'Dormouse', 'Ferret', 'Marten', 'Lynx', 'Bobcat', 'Ocelot', 'Leopard',
  'Tiger', 'Lion', 'Cheetah', 'Jaguar', 'Wolf', 'Coyote', 'Bear', 'Moose', 'Elk', 'Bison', 'Camel',
  'Llama', 'Alpaca', 'Giraffe', 'Zebra', 'Okapi', 'Gazelle', 'Antelope', 'Ibex', 'Lamb', 'Pony',
  'Horse', 'Seal', 'Walrus', 'Dolphin', 'Whale', 'Orca', 'Manatee', 'Narwhal', 'Octopus',
  'Seahorse', 'Turtle', 'Salmon', 'Trout', 'Starfish', 'Butterfly', 'Bee', 'Firefly', 'Dragonfly',
  'Ladybug', 'Gecko', 'Newt', 'Frog', 'Salamander', 'Chameleon', 'Iguana', 'Tapir', 'Wombat',
  'Platypus', 'Kiwi', 'Capybara', 'Armadillo', 'Quokka', 'Wallaby', 'Kangaroo', 'Reindeer',
  'Caribou', 'Pangolin', 'Stork', 'Bunting', 'Nuthatch', 'Cormorant', 'Loon', 'Osprey',
];

/** Discord refuses webhook usernames containing these (case-insensitive), and names over 80 characters. */
const FORBIDDEN_IN_NAMES = ['discord', 'clyde'] as const;
const MAX_NAME_LENGTH = 80;

export function isAllowedWebhookName(name: string): boolean {
  const lower = name.toLowerCase();
  return name.length >= 1 && name.length <= MAX_NAME_LENGTH && !FORBIDDEN_IN_NAMES.some((word) => lower.includes(word));
}

/**
 * The name shown on an anonymous post, e.g. "Quiet Heron". Keyed with the server secret, so it is
 * the same for one author within one scope (a thread or channel id) and unlinkable across scopes;
 * without the secret it can be neither reversed nor predicted from ids.
 */
export function pseudonymFor(keys: AnonKeys, authorId: string, scope: string): string {
  const digest = createHmac('sha256', keys.pseudonymKey).update(`${scope}:${authorId}`).digest();
  // 32 bytes give 8 candidates; the word lists never produce a forbidden name, the loop is a guard.
  for (let offset = 0; offset + 4 <= digest.length; offset += 4) {
    const adjective = PSEUDONYM_ADJECTIVES[digest.readUInt16BE(offset) % PSEUDONYM_ADJECTIVES.length];
    const animal = PSEUDONYM_ANIMALS[digest.readUInt16BE(offset + 2) % PSEUDONYM_ANIMALS.length];
    const name = `${adjective} ${animal}`;
    if (adjective && animal && isAllowedWebhookName(name)) return name;
  }
  return 'Quiet Heron';
}
