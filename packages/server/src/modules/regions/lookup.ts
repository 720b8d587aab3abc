import { groupRepository } from './group-repository.ts';
import { regionRepository } from './repository.ts';

/**
 * What other modules may read about regions. Reads only: regions are written by this module's
 * import and routes alone, and its repository stays private (docs/ARCHITECTURE.md, "Module shape").
 */
export const regionLookup = {
  count: regionRepository.count,
  findByCode: regionRepository.findByCode,
  findRoot: regionRepository.findRoot,
  listByCodes: regionRepository.listByCodes,
  listChildren: regionRepository.listChildren,
  namesOf: regionRepository.namesOf,
  existingGroupCodes: groupRepository.existingCodes,
  listGroupMemberPairs: groupRepository.memberPairs,
};
