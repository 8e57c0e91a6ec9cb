// The catalogue's words on the plans and briefing pages, in the language in force: services, joint actions, plan
// states and slide kinds are codes in the contract and messages here (one message id per code).
import type { JointActionType, PlanState, ServiceCode } from '../../../server/contract/catalog.ts';
import type { SlideKind } from '../../../server/contract/playlists.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { MessageId } from '../../i18n/messages.ts';

/** @example serviceLabel(translator('ru'), 'juvenile') // 'По делам несовершеннолетних' */
export const serviceLabel = (t: Translate, s: ServiceCode): string => t(`plans.service.${s}` as MessageId);
/** @example actionLabel(translator('en'), 'joint_raid') // 'Joint raid' */
export const actionLabel = (t: Translate, a: JointActionType): string => t(`plans.action.${a}` as MessageId);
/** @example stateLabel(translator('en'), 'behind') // 'Behind schedule' */
export const stateLabel = (t: Translate, s: PlanState): string => t(`plans.state.${s}` as MessageId);
/** @example slideLabel(translator('en'), 'coverage') // 'Inspector coverage gaps' */
export const slideLabel = (t: Translate, k: SlideKind): string => t(`playlist.slide.${k}` as MessageId);
