import en from '../../assets/locales/staff.en.json';
import vi from '../../assets/locales/staff.vi.json';
import { i18n } from '../i18n';

// The staff screens' texts load with their own chunk, so the kiosk route never carries them.
i18n.addResourceBundle('vi', 'translation', vi, true, true);
i18n.addResourceBundle('en', 'translation', en, true, true);
