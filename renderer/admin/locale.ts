import en from '../../assets/locales/admin.en.json';
import vi from '../../assets/locales/admin.vi.json';
import { i18n } from '../i18n';

// The admin screens' texts load with their own chunk, so the kiosk route never carries them.
i18n.addResourceBundle('vi', 'translation', vi, true, true);
i18n.addResourceBundle('en', 'translation', en, true, true);
