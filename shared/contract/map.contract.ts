import { defineChannels } from './channel';

/** The map (network points, cable routes, customer markers) and IP pools per router. */
export const mapChannels = defineChannels({});
