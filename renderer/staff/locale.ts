import en from '../../assets/locales/staff.en.json';
import vi from '../../assets/locales/staff.vi.json';
import officeEn from '../../assets/locales/office.en.json';
import officeVi from '../../assets/locales/office.vi.json';
import { i18n } from '../i18n';

// The staff screens' texts load with their own chunk, so the kiosk route never carries them.
i18n.addResourceBundle('vi', 'translation', vi, true, true);
i18n.addResourceBundle('en', 'translation', en, true, true);
// Targets, fair handling, downloads and the audit's words (issue 13): shared by both screens.
i18n.addResourceBundle('vi', 'translation', officeVi, true, true);
i18n.addResourceBundle('en', 'translation', officeEn, true, true);
